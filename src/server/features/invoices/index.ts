/** What other features may use of invoices (R29): reading them, e.g. for reports. */
export { getInvoice, listInvoices } from './service';
