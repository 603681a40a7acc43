import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { InvoiceDetail } from '../../../contracts/money';
import { calendarDayIn } from '../../../domain/calendar';
import { formatDayMonthYear } from '../../../domain/format';
import { formatMoney } from '../../../domain/money';

/**
 * The invoice as a PDF (R29). pdfkit's built-in fonts only cover WinAnsi, so names such as
 * "Łukasz" or "李" use DejaVu Sans from the Debian fonts-dejavu-core package when it is there;
 * without it the built-in Helvetica is used and characters it lacks print as "?".
 */

const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu'];
const fontFile = (name: string) =>
  FONT_DIRS.map((d) => `${d}/${name}`).find((f) => existsSync(f)) ?? null;

interface Fonts {
  regular: string;
  bold: string;
  /** Makes text printable in the chosen font. */
  safe: (s: string) => string;
}

function registerFonts(doc: PDFKit.PDFDocument): Fonts {
  const regular = fontFile('DejaVuSans.ttf');
  const bold = fontFile('DejaVuSans-Bold.ttf');
  if (regular && bold) {
    doc.registerFont('body', regular);
    doc.registerFont('body-bold', bold);
    return { regular: 'body', bold: 'body-bold', safe: (s) => s };
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: WinAnsi keeps Latin-1 only
  const latin1 = (s: string) => s.normalize('NFC').replace(/[^\u0000-\u00ff€–—‘’“”•…]/g, '?');
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', safe: latin1 };
}

const STATUS_MARK: Record<InvoiceDetail['status'], string> = {
  draft: 'DRAFT',
  submitted: 'SUBMITTED',
  approved: 'APPROVED',
  paid: 'PAID',
  rejected: 'REJECTED',
};

const quantityText = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export interface PdfContext {
  agencyName: string;
  timeZone: string;
}

/** Renders the invoice; resolves with the PDF bytes. */
export function renderInvoicePdf(inv: InvoiceDetail, ctx: PdfContext): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Invoice ${inv.label} — ${inv.contractor.name}`, Author: inv.contractor.name },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const f = registerFonts(doc);
  const money = (minor: number) => formatMoney(minor, inv.currency);
  const day = (iso: string | null) =>
    iso ? formatDayMonthYear(calendarDayIn(new Date(iso), ctx.timeZone)) : '—';
  const left = 50;
  const right = doc.page.width - 50;
  const width = right - left;

  // Status watermark, drawn first so everything else prints over it.
  doc.save();
  doc.rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
  doc
    .font(f.bold)
    .fontSize(90)
    .fillColor('#000000', 0.06)
    .text(STATUS_MARK[inv.status], 0, doc.page.height / 2 - 50, {
      width: doc.page.width,
      align: 'center',
    });
  doc.restore();
  doc.fillColor('#111111', 1);

  doc.font(f.bold).fontSize(22).text('Invoice', left, 50);
  doc.font(f.regular).fontSize(10).fillColor('#555555');
  doc.text(`No. ${inv.label} · ${STATUS_MARK[inv.status]}`, left, 78);
  doc.fillColor('#111111');

  const colW = width / 2 - 10;
  const top = 110;
  doc.font(f.bold).fontSize(9).text('FROM', left, top);
  doc.font(f.regular).fontSize(10);
  doc.text(f.safe(inv.contractor.name), left, top + 14, { width: colW });
  doc.text(f.safe(inv.contractor.email), { width: colW });
  doc
    .font(f.bold)
    .fontSize(9)
    .text('BILL TO', left + width / 2, top);
  doc
    .font(f.regular)
    .fontSize(10)
    .text(f.safe(ctx.agencyName), left + width / 2, top + 14, {
      width: colW,
    });

  const facts: [string, string][] = [
    ['Period', `${formatDayMonthYear(inv.periodStart)} – ${formatDayMonthYear(inv.periodEnd)}`],
    ['Issued', day(inv.submittedAt ?? inv.createdAt)],
    ['Currency', inv.currency],
  ];
  if (inv.approvedAt) facts.push(['Approved', day(inv.approvedAt)]);
  if (inv.paidAt) facts.push(['Paid', `${day(inv.paidAt)} · ref ${inv.paymentReference ?? '—'}`]);
  let y = top + 60;
  for (const [k, v] of facts) {
    doc.font(f.bold).fontSize(9).text(k, left, y, { width: 80 });
    doc
      .font(f.regular)
      .fontSize(10)
      .text(f.safe(v), left + 80, y, { width: width - 80 });
    y += 15;
  }

  // Lines table: description | qty | unit price | amount
  y += 15;
  const cols = {
    desc: left,
    qty: left + width - 230,
    unit: left + width - 170,
    amt: left + width - 80,
  };
  const header = (at: number) => {
    doc.font(f.bold).fontSize(9).fillColor('#555555');
    doc.text('Description', cols.desc, at);
    doc.text('Qty', cols.qty, at, { width: 50, align: 'right' });
    doc.text('Unit price', cols.unit, at, { width: 80, align: 'right' });
    doc.text('Amount', cols.amt, at, { width: 80, align: 'right' });
    doc.fillColor('#111111');
    doc
      .moveTo(left, at + 13)
      .lineTo(right, at + 13)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    return at + 19;
  };
  y = header(y);
  doc.font(f.regular).fontSize(9.5);
  for (const l of inv.lines) {
    const text = f.safe(l.reason ? `${l.description} — ${l.reason}` : l.description);
    const h = doc.heightOfString(text, { width: cols.qty - cols.desc - 10 });
    if (y + h > doc.page.height - 140) {
      doc.addPage();
      y = header(50);
      doc.font(f.regular).fontSize(9.5);
    }
    doc.text(text, cols.desc, y, { width: cols.qty - cols.desc - 10 });
    doc.text(quantityText(l.quantity), cols.qty, y, { width: 50, align: 'right' });
    doc.text(money(l.unitAmountMinor), cols.unit, y, { width: 80, align: 'right' });
    doc.text(money(l.amountMinor), cols.amt, y, { width: 80, align: 'right' });
    y += Math.max(h, 12) + 6;
  }
  doc.moveTo(left, y).lineTo(right, y).lineWidth(0.5).strokeColor('#999999').stroke();

  y += 10;
  const totals: [string, string, boolean][] = [
    ['Subtotal', money(inv.subtotalMinor), false],
    ['Adjustments', money(inv.byKind.adjustment), false],
    ['Total', money(inv.totalMinor), true],
  ];
  for (const [k, v, strong] of totals) {
    doc.font(strong ? f.bold : f.regular).fontSize(strong ? 12 : 10);
    doc.text(k, cols.unit - 40, y, { width: 120, align: 'right' });
    doc.text(v, cols.amt, y, { width: 80, align: 'right' });
    y += strong ? 18 : 14;
  }

  y += 20;
  doc.font(f.bold).fontSize(9).text('Payment terms', left, y);
  doc
    .font(f.regular)
    .fontSize(10)
    .text(
      f.safe(inv.contractor.paymentTerms || 'As agreed in the contractor agreement'),
      left,
      y + 13,
      {
        width,
      },
    );
  if (inv.status === 'rejected' && inv.rejectReason) {
    doc.moveDown();
    doc.font(f.bold).fontSize(9).fillColor('#b91c1c').text('Rejected', { continued: false });
    doc.font(f.regular).fontSize(10).text(f.safe(inv.rejectReason), { width });
    doc.fillColor('#111111');
  }
  doc
    .font(f.regular)
    .fontSize(8)
    .fillColor('#777777')
    .text(
      `Prepared with Handoff for ${f.safe(ctx.agencyName)} · amounts in ${inv.currency}`,
      left,
      doc.page.height - 70,
      { width, align: 'center' },
    );
  doc.end();
  return done;
}
