/** The only kinds of file a dossier accepts; each is decided by its bytes, never by its name or claimed type. */
export const MEDIA_KINDS = {
  pdf: { mediaType: 'application/pdf', extensions: ['.pdf'] },
  png: { mediaType: 'image/png', extensions: ['.png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'] },
} as const;

export type MediaKind = keyof typeof MEDIA_KINDS;

/** Why content was refused; stable codes, so clients and tests can tell the cases apart. */
export type ContentRejection =
  | 'empty'
  | 'unrecognized'
  | 'executable'
  | 'markup'
  | 'polyglot'
  | 'truncated'
  | 'malformed_zip'
  | 'zip_bomb'
  | 'encrypted_zip'
  | 'macro_enabled'
  | 'not_office_document';

export type SniffResult = { ok: true; kind: MediaKind } | { ok: false; rejection: ContentRejection; detail: string };

export const accepted = (kind: MediaKind): SniffResult => ({ ok: true, kind });
export const refused = (rejection: ContentRejection, detail: string): SniffResult => ({ ok: false, rejection, detail });
