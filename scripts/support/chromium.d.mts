/** Launch options of every headless Chromium here (Debian's chromium). */
export const CHROMIUM_LAUNCH: { executablePath: string; args: string[] };
