// Evidence files of a record (创建成果档案, 佐证材料): a hidden file input's upload with a busy flag
// and a success message, then the record reloaded; downloads by file id through the authenticated
// client (the server audits them). API errors show their message.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { download } from '@/api/client'
import { showApiError } from '@/utils/form'

export interface EvidenceFilesOptions {
  /** uploads one file to the record */
  add: (file: File) => Promise<unknown>
  /** the API path of one of the record's files */
  url: (fileId: number) => string
  /** the message after an upload */
  uploaded: () => string
  /** reloads the record (its file list) */
  reload: () => Promise<void>
}

export function useEvidenceFiles(o: EvidenceFilesOptions) {
  const fileInput = ref<HTMLInputElement>()
  const uploading = ref(false)
  /** `@change` of the file input: uploads the picked file and resets the input (so it can be picked again). */
  async function onFile(ev: Event) {
    const input = ev.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    uploading.value = true
    try {
      await o.add(file)
      ElMessage.success(o.uploaded())
      await o.reload()
    } catch (e) {
      showApiError(e)
    } finally {
      uploading.value = false
    }
  }
  async function fetchFile(fileId: number, name: string) {
    try {
      await download(o.url(fileId), undefined, name)
    } catch (e) {
      showApiError(e)
    }
  }
  return { fileInput, uploading, onFile, fetchFile }
}
