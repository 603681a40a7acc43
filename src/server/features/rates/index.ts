/** What other features may use of the rate card (R7): pricing work at the rate in force. */

export { type CsvRecord, MAX_IMPORT_ROWS, parseCsv, refuseRows, toCsv } from './csv-kit';
export { listDeliverableTypes, workspaceCurrency, workspaceToday } from './queries';
export { loadRateEntries, rateInForceFor, ratesForContractor } from './service';
