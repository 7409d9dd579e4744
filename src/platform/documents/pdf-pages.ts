/**
 * Pages of an uploaded PDF, read with pdf.js (built to open untrusted files in browsers; scripts are not
 * evaluated). Loaded on the first upload of a PDF, not at start-up.
 */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | null> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes the buffer over: it gets a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
  try {
    return (await task.promise).numPages;
  } catch {
    // Damaged, or locked with a password: the officer could not read it either.
    return null;
  } finally {
    await task.destroy();
  }
}
