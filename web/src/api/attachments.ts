// Files of a record through the shared attachments routes (docs/API.md "Attachments"):
// POST {base}/{id}/files (multipart: file, slot), GET {base}/{id}/files, GET {base}/{id}/files/{file_id}.
import { http, upload, type Page } from '@/api/client'

export interface AttachmentFile {
  id: number
  slot: string
  slot_label: string
  filename: string
  content_type: string
  size: number
  sha256: string
  uploaded_by: string
  created_at: string
}

/** A category of files the owner accepts (the server's slots). */
export interface AttachmentSlot {
  name: string
  label: string
  /** the file chooser's accept attribute */
  accept: string
  /** images only: shown as previews */
  images?: boolean
}

export const IMAGE_ACCEPT = '.jpg,.jpeg,.png'
export const ANY_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.txt'

/** The API of one record's files: `base` is the record's path ("/stations/12"). */
export function attachmentsApi(base: string) {
  return {
    list: () => http.get<Page<AttachmentFile>>(`${base}/files`, { page_size: 200 }),
    add: (slot: string, file: File) => upload(`${base}/files`, file, undefined, { slot }),
    url: (fileId: number) => `${base}/files/${fileId}`,
  }
}
