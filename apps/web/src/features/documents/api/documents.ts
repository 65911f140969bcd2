import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  attachedDocumentSchema,
  CSRF_HEADER,
  type DocumentItem,
  type DocumentLink,
  type DocumentVersion,
  documentLinkSchema,
  documentVersionSchema,
  IDEMPOTENCY_KEY_HEADER,
  libraryDocumentSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { ApiClientError, isErrorEnvelope } from '../../../lib/api-error';
import { currentCsrfToken } from '../../../lib/csrf';
import { v1 } from '../../../lib/endpoints';
import { fetchListPage, listInfiniteOptions } from '../../../lib/records/list-page';
import { buildListQuery, type FilterSpec, type ListState } from '../../../lib/records/list-query';
import { uuid } from '../../../lib/uuid';

export const DOCUMENTS_KEY = ['documents'] as const;
const recordKey = (type: string, id: string) => [...DOCUMENTS_KEY, 'record', type, id] as const;

/** `GET /records/{type}/{id}/documents` (newest first, first 100). */
export function useRecordDocuments(type: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: recordKey(type, id),
    queryFn: ({ signal }) =>
      fetchListPage(v1(`records/${type}/${id}/documents`), attachedDocumentSchema, { limit: 100 }, signal),
    enabled,
  });
}

/** `GET /documents` (the library): keyset pages for the state's filters, sort and search, with the total. */
export const libraryOptions = (state: ListState, specs: readonly FilterSpec[]) =>
  listInfiniteOptions(
    [...DOCUMENTS_KEY, 'library', state],
    v1('documents'),
    libraryDocumentSchema,
    (cursor) => buildListQuery(state, specs, { cursor, includeTotal: true }),
  );

/** `GET /documents/{id}/versions`, newest first. */
export function useDocumentVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, 'versions', id],
    queryFn: ({ signal }) =>
      api.get(v1(`documents/${id}/versions`), { schema: z.array(documentVersionSchema), signal }),
    enabled,
  });
}

/** A signed link (no cookie needed, expires after ~15 minutes) for one version. */
export const documentLink = (
  doc: Pick<DocumentItem, 'id'>,
  version: Pick<DocumentVersion, 'id'>,
  inline = false,
) =>
  api.post<DocumentLink>(
    v1(`documents/${doc.id}/versions/${version.id}/link`),
    { inline },
    { schema: documentLinkSchema },
  );

/** An inline link for previews (images, audio), renewed before it expires. */
export function usePreviewLink(doc: DocumentItem, enabled: boolean) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, 'preview', doc.current.id],
    queryFn: () => documentLink(doc, doc.current, true),
    enabled,
    staleTime: 10 * 60 * 1000,
    refetchInterval: 10 * 60 * 1000,
  });
}

/** Opens a download of one version through a fresh signed link. */
export async function downloadVersion(doc: DocumentItem, version: DocumentVersion): Promise<void> {
  const { url } = await documentLink(doc, version);
  const a = document.createElement('a');
  a.href = url;
  a.download = version.fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

export interface UploadTarget {
  /** A new document on a record, or a new version of a document. */
  path: string;
  file: File;
  onProgress: (fraction: number) => void;
}

/**
 * Multipart upload with progress (XMLHttpRequest: fetch reports no upload progress), with the CSRF header
 * and an Idempotency-Key like every API write; the error envelope becomes an `ApiClientError`.
 */
export function uploadFile({ path, file, onProgress }: UploadTarget): Promise<DocumentItem> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf);
    xhr.setRequestHeader(IDEMPOTENCY_KEY_HEADER, uuid());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiClientError({
          code: 'NETWORK_ERROR',
          message: 'The upload did not reach the server.',
          status: 0,
        }),
      );
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status === 201 && body && typeof body === 'object' && 'data' in body) {
        resolve(attachedDocumentSchema.parse((body as { data: unknown }).data));
        return;
      }
      if (isErrorEnvelope(body)) {
        const { code, message, details, requestId } = body.error;
        reject(new ApiClientError({ code, message, details, requestId, status: xhr.status }));
        return;
      }
      reject(
        new ApiClientError({
          code: 'INTERNAL',
          message: `Upload failed (${xhr.status}).`,
          status: xhr.status,
        }),
      );
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Upload a file (new document or new version); every documents query refreshes afterwards. */
export function useUpload() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: uploadFile,
    onSettled: () => client.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
  });
}

export function useDeleteDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (doc: DocumentItem) =>
      api.request('DELETE', v1(`documents/${doc.id}`), { body: { version: doc.version } }),
    onSettled: () => client.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
  });
}
