import { lazy } from '../../platform/lazy.ts';

/** file-type, loaded with the first upload rather than at start-up. */
const fileType = lazy(() => import('file-type'));

/** How many leading bytes the detection reads (file-type's reasonable sample size). */
export const SNIFF_BYTES = 4100;

export interface Detected {
  contentType: string;
  /** Executables and scripts: refused at upload. */
  refused: boolean;
}

/** Executable formats, by what file-type detects (Windows PE, ELF, Mach-O, Java class, WebAssembly…). */
const EXECUTABLE = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-sharedlib',
  'application/x-executable',
  'application/java-vm',
  'application/wasm',
  'application/x-msi',
  'application/x-ms-installer',
  'application/vnd.debian.binary-package',
  'application/x-rpm',
  'application/x-apple-diskimage',
  'application/x-xz-executable',
]);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text that a browser would run or render as active content (HTML, SVG, XML with scripts). */
const MARKUP =
  /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|svg|script|head|body|iframe)\b/i;

/** Is this plain text (UTF-8, no NUL or control bytes other than tab / newlines)? */
const textKind = (head: Buffer, complete: boolean): 'text' | 'markup' | null => {
  if (head.length === 0) return 'text';
  // Cut a possibly split multi-byte character at the end of the sample.
  let sample = head;
  if (!complete) {
    let end = head.length;
    while (end > 0 && end > head.length - 4 && ((head[end - 1] ?? 0) & 0xc0) === 0x80) end--;
    if (end > 0 && (head[end - 1] ?? 0) >= 0xc0) end--;
    sample = head.subarray(0, end);
  }
  let text: string;
  try {
    text = utf8.decode(sample);
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  if (MARKUP.test(text) || /<script\b/i.test(text)) return 'markup';
  return 'text';
};

/**
 * The content type of an upload, from its first bytes (magic numbers), never from its name or the type the
 * client sent. Executables and scripts with a `#!` line are refused; HTML/SVG-like text is kept but only
 * ever served as an attachment (see `servedAs`). Unknown binary is `application/octet-stream`.
 */
export const detectContentType = async (head: Buffer, complete: boolean): Promise<Detected> => {
  if (head.subarray(0, 2).toString('latin1') === '#!') return { contentType: 'text/x-script', refused: true };
  if (head.subarray(0, 2).toString('latin1') === 'MZ')
    return { contentType: 'application/x-msdownload', refused: true };
  const kind = textKind(head, complete);
  if (kind === 'markup') return { contentType: 'text/html', refused: false };
  const found = await (await fileType()).fileTypeFromBuffer(head);
  if (found) return { contentType: found.mime, refused: EXECUTABLE.has(found.mime) };
  if (kind === 'text') return { contentType: 'text/plain', refused: false };
  return { contentType: 'application/octet-stream', refused: false };
};

/**
 * Types a browser may show inline (images, audio, video, PDF): they carry no script of their own. Audio and
 * video may name their codecs (`audio/ogg; codecs=opus`, what a phone's recorder gives).
 */
const INLINE =
  /^(image\/(png|jpeg|gif|webp|avif|bmp)|(audio|video)\/[a-z0-9.+-]+(; ?codecs=[a-z0-9.,+-]+)?|application\/pdf|text\/plain)$/;

/**
 * How a stored version is served: inline only for the safe types above (and only when asked), with its own
 * type; everything else as an `application/octet-stream` attachment. The caller also sends `nosniff` and a
 * sandbox CSP on every download.
 */
export const servedAs = (contentType: string, inlineWanted: boolean) => {
  const inline = inlineWanted && INLINE.test(contentType);
  return {
    contentType: inline
      ? contentType === 'text/plain'
        ? 'text/plain; charset=utf-8'
        : contentType
      : 'application/octet-stream',
    disposition: inline ? ('inline' as const) : ('attachment' as const),
  };
};

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export const contentDisposition = (kind: 'inline' | 'attachment', fileName: string) => {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};
