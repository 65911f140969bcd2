import type { DocumentItem } from '@tessera/contracts';
import { usePreviewLink } from '../api/documents';
import { isAudio, isImage } from '../format-size';

const LABELS: Record<string, string> = {
  plain: 'txt',
  'octet-stream': 'bin',
  'vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** A thumbnail for images, a player for audio recordings, a type badge for anything else. */
export function FilePreview({ doc }: { doc: DocumentItem }) {
  const type = doc.current.contentType;
  const media = isImage(type) || isAudio(type);
  const link = usePreviewLink(doc, media);
  if (isImage(type))
    return link.data ? (
      <a href={link.data.url} target="_blank" rel="noreferrer" className="shrink-0">
        <img
          src={link.data.url}
          alt={`Preview of ${doc.name}`}
          className="size-14 rounded-md border border-zinc-200 object-cover dark:border-zinc-700"
        />
      </a>
    ) : (
      <div className="size-14 shrink-0 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800" aria-hidden />
    );
  const subtype = (type.split('/')[1] ?? 'file').replace(/^x-/, '');
  const label = (LABELS[subtype] ?? subtype.split(/[.+-]/)[0] ?? 'file').slice(0, 4).toUpperCase();
  return (
    <div
      className="flex size-14 shrink-0 items-center justify-center rounded-md border border-zinc-200 bg-zinc-50 text-xs font-semibold text-zinc-600 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
      aria-hidden
    >
      {label}
    </div>
  );
}

/** The audio player under an audio file's row (door-to-door recordings are just documents). */
export function AudioPlayer({ doc }: { doc: DocumentItem }) {
  const link = usePreviewLink(doc, isAudio(doc.current.contentType));
  if (!isAudio(doc.current.contentType) || !link.data) return null;
  return (
    // biome-ignore lint/a11y/useMediaCaption: recordings of conversations have no captions
    <audio
      controls
      preload="none"
      src={link.data.url}
      className="mt-2 w-full"
      aria-label={`Play ${doc.name}`}
    />
  );
}
