import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FilterSelect, namedOptions, Select } from './ui';

describe('FilterSelect', () => {
  it('renders the label, the "All" option and one option per item, as the hand-written filters did', () => {
    const clients = [
      { id: 'c1', name: 'Acme' },
      { id: 'c2', name: 'Harbor & Vine' },
    ];
    const onChange = () => {};
    const filter = renderToStaticMarkup(
      h(FilterSelect, {
        id: 'board-client',
        label: 'Client',
        allLabel: 'All clients',
        value: 'c2',
        onChange,
        options: namedOptions(clients),
        className: 'w-44',
      }),
    );
    const handWritten = renderToStaticMarkup(
      h(
        'div',
        null,
        h('label', { className: 'sr-only', htmlFor: 'board-client' }, 'Client'),
        h(
          Select,
          { id: 'board-client', value: 'c2', onChange, className: 'w-44' },
          h('option', { value: '' }, 'All clients'),
          ...clients.map((c) => h('option', { key: c.id, value: c.id }, c.name)),
        ),
      ),
    );
    expect(`<div>${filter}</div>`).toBe(handWritten);
  });

  it('shows only the "All" option while the options load', () => {
    const html = renderToStaticMarkup(
      h(FilterSelect, {
        id: 'report-type',
        label: 'Deliverable type',
        allLabel: 'All deliverable types',
        value: '',
        onChange: () => {},
        options: undefined,
      }),
    );
    expect(html.match(/<option/g)).toHaveLength(1);
    expect(html).toContain('All deliverable types');
  });
});
