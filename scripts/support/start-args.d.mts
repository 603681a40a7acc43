/** The node arguments of `npm start` (package.json), script path made absolute. */
export function npmStartArgs(): string[];
