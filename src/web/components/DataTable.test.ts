import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';

describe('DataTable without a virtual body', () => {
  it('mounts every row, sorted, and leaves the row count to the DOM', () => {
    const rows = [
      { id: 'b', name: 'Beta' },
      { id: 'a', name: 'Alpha' },
    ];
    const html = renderToStaticMarkup(
      h(DataTable<{ id: string; name: string }>, {
        caption: 'Things',
        rows,
        rowKey: (r) => r.id,
        onOpen: () => {},
        selectedKey: 'b',
        initialSort: { key: 'name', dir: 'asc' },
        columns: [{ key: 'name', header: 'Name', cell: (r) => r.name, sortValue: (r) => r.name }],
      }),
    );
    expect(html.match(/<tr tabindex="0"/g)).toHaveLength(2);
    expect(html.indexOf('Alpha')).toBeLessThan(html.indexOf('Beta'));
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain('aria-selected="true"');
    expect(html).not.toContain('aria-rowcount');
    expect(html).not.toContain('data-index');
  });
});
