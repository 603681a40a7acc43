import { useMutation } from '@tanstack/react-query';
import { ChevronDown, Download, Upload } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { toast } from 'sonner';
import { ApiError, currentWorkspaceId, errorMessage, post } from '../lib/api';
import { Modal } from './SidePanel';
import { Badge, Button, Field, Textarea } from './ui';

/**
 * CSV import with a preview: the file is sent with `dryRun: true` first and every line is shown
 * with its verdict; the real import is all-or-nothing on the server (422 with `details.rows`).
 * Works with the clients report (rows with ok/errors) and the contractor/rate report (rows with
 * a summary, invalid rows only in the 422).
 */

interface PreviewRow {
  line: number;
  ok: boolean;
  action: string | null;
  summary: string;
  errors: Record<string, string>;
}

interface Report {
  rows?: unknown[];
  created?: number;
  updated?: number;
  unchanged?: number;
}

function normalizeRows(rows: unknown[] | undefined): PreviewRow[] {
  return (rows ?? []).map((raw) => {
    const r = raw as Record<string, unknown>;
    const errors = (r.errors as Record<string, string> | undefined) ?? {};
    const data = r.data as { name?: string } | null | undefined;
    return {
      line: Number(r.line),
      ok: typeof r.ok === 'boolean' ? r.ok : Object.keys(errors).length === 0,
      action: typeof r.action === 'string' ? r.action : null,
      summary: typeof r.summary === 'string' ? r.summary : (data?.name ?? ''),
      errors,
    };
  });
}

/** Rows from a refused import (422), or null when the error is of another kind. */
function refusedRows(e: unknown): PreviewRow[] | null {
  if (!(e instanceof ApiError) || !Array.isArray(e.details?.rows)) return null;
  return normalizeRows(e.details.rows as unknown[]).map((r) => ({ ...r, ok: false }));
}

export function CsvImportDialog({
  open,
  onClose,
  title,
  importUrl,
  columnsHint,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  importUrl: string;
  columnsHint: string;
  onImported: () => void;
}) {
  const [csv, setCsv] = useState('');
  const [previewOf, setPreviewOf] = useState<string | null>(null);
  const [rows, setRows] = useState<PreviewRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reset = () => {
    setCsv('');
    setRows(null);
    setPreviewOf(null);
    setProblem(null);
  };
  const run = useMutation({
    mutationFn: (v: { text: string; dryRun: boolean }) =>
      post<Report>(importUrl, { csv: v.text, dryRun: v.dryRun }),
    onSuccess: (report, v) => {
      if (v.dryRun) {
        setRows(normalizeRows(report.rows));
        setPreviewOf(v.text);
        setProblem(null);
        return;
      }
      toast.success(
        `Imported: ${report.created ?? 0} created, ${report.updated ?? 0} updated${report.unchanged ? `, ${report.unchanged} unchanged` : ''}`,
      );
      onImported();
      reset();
      onClose();
    },
    onError: (e, v) => {
      const refused = refusedRows(e);
      setRows(refused);
      setPreviewOf(refused ? v.text : null);
      setProblem(errorMessage(e));
    },
  });
  const preview = (text: string) => {
    if (text.trim()) run.mutate({ text, dryRun: true });
  };
  const fresh = rows !== null && previewOf === csv;
  const valid = rows?.filter((r) => r.ok).length ?? 0;
  const invalid = (rows?.length ?? 0) - valid;

  return (
    <Modal open={open} onClose={onClose} title={title}>
      <div className="flex max-h-[70vh] flex-col gap-3 overflow-y-auto">
        <p className="text-xs text-muted">Columns: {columnsHint}. The first row is the header.</p>
        <Field label="CSV file">
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,text/csv,text/plain"
              className="text-sm file:mr-2 file:rounded-md file:border file:border-line file:bg-panel file:px-2 file:py-1 file:text-sm file:text-ink"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                const text = await file.text();
                setCsv(text);
                preview(text);
              }}
            />
          )}
        </Field>
        <Field label="…or paste CSV text">
          {(p) => (
            <Textarea
              {...p}
              rows={5}
              className="font-mono text-xs"
              value={csv}
              onChange={(e) => setCsv(e.target.value)}
            />
          )}
        </Field>
        {problem ? (
          <p role="alert" className="rounded-md bg-bad/5 p-2 text-sm text-bad">
            {problem}
          </p>
        ) : null}
        {rows && rows.length > 0 ? <PreviewTable rows={rows} /> : null}
        {rows && rows.length === 0 && !problem ? (
          <p className="text-sm text-muted">The file has no data rows.</p>
        ) : null}
      </div>
      <div className="mt-4 flex items-center justify-end gap-2">
        {fresh && invalid > 0 ? (
          <span className="mr-auto text-xs text-bad">
            Fix the rows with errors, then preview again.
          </span>
        ) : null}
        <Button onClick={onClose}>Cancel</Button>
        <Button
          busy={run.isPending && run.variables?.dryRun}
          disabled={!csv.trim()}
          onClick={() => preview(csv)}
        >
          Preview
        </Button>
        <Button
          variant="primary"
          busy={run.isPending && !run.variables?.dryRun}
          disabled={!fresh || invalid > 0 || valid === 0}
          onClick={() => run.mutate({ text: csv, dryRun: false })}
        >
          Import {valid} row{valid === 1 ? '' : 's'}
        </Button>
      </div>
    </Modal>
  );
}

function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <table className="w-full border-collapse text-xs" aria-label="Import preview">
      <thead>
        <tr className="border-b border-line text-left text-muted">
          <th scope="col" className="py-1 pr-2 font-medium">
            Line
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Result
          </th>
          <th scope="col" className="py-1 font-medium">
            Details
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.line} className="border-b border-line/70 align-top">
            <td className="py-1 pr-2 tabular-nums">{r.line}</td>
            <td className="py-1 pr-2">
              {r.ok ? <Badge tone="ok">{r.action ?? 'ok'}</Badge> : <Badge tone="bad">error</Badge>}
            </td>
            <td className="py-1">
              {r.summary ? <div>{r.summary}</div> : null}
              {Object.entries(r.errors).map(([field, message]) => (
                <div key={field} className="text-bad">
                  <span className="font-medium">{field}</span>: {message}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Downloads with the chosen workspace's header (a bare link would use the first workspace). */
async function download(url: string, filename: string) {
  const ws = currentWorkspaceId();
  const res = await fetch(url, {
    credentials: 'same-origin',
    headers: ws ? { 'x-workspace-id': ws } : {},
  });
  if (!res.ok) throw new Error(`Export failed (${res.status})`);
  const href = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

const ITEM =
  'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-sunken';

/** "Import / export" in a page header; items appear only for roles the API allows. */
export function CsvImportExportMenu({
  label,
  exportUrl,
  exportFilename,
  importUrl,
  columnsHint,
  onImported,
}: {
  label: string;
  exportUrl?: string;
  exportFilename: string;
  importUrl?: string;
  columnsHint: string;
  onImported: () => void;
}) {
  const [importing, setImporting] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  if (!exportUrl && !importUrl) return null;
  return (
    <>
      <DropdownMenu.Root open={menuOpen} onOpenChange={setMenuOpen}>
        <DropdownMenu.Trigger asChild>
          <Button>
            Import / export <ChevronDown size={14} />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            className="z-50 min-w-48 rounded-md border border-line bg-panel p-1 shadow-lg"
          >
            {exportUrl ? (
              <DropdownMenu.Item asChild className={ITEM}>
                <a
                  href={exportUrl}
                  download={exportFilename}
                  onClick={(e) => {
                    // The link works without script; with it, the download carries the workspace.
                    e.preventDefault();
                    setMenuOpen(false);
                    download(exportUrl, exportFilename).catch((err) =>
                      toast.error(errorMessage(err)),
                    );
                  }}
                >
                  <Download size={14} /> Export {label.toLowerCase()} (CSV)
                </a>
              </DropdownMenu.Item>
            ) : null}
            {importUrl ? (
              <DropdownMenu.Item className={ITEM} onSelect={() => setImporting(true)}>
                <Upload size={14} /> Import {label.toLowerCase()} from CSV…
              </DropdownMenu.Item>
            ) : null}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {importUrl ? (
        <CsvImportDialog
          open={importing}
          onClose={() => setImporting(false)}
          title={`Import ${label.toLowerCase()} from CSV`}
          importUrl={importUrl}
          columnsHint={columnsHint}
          onImported={onImported}
        />
      ) : null}
    </>
  );
}
