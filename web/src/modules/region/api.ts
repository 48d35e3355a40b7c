// Region tags (the region tree itself is read through regionsApi in @/api, which shared components
// use): docs/API.md, "Regions".
import { http } from '@/api/client'
import type { Region } from '@/api'

export interface RegionTag {
  name: string
  label: string
  builtin: boolean
}

export const regionTagsApi = {
  setTags: (code: string, tags: string[]) => http.put<Region>(`/regions/${code}/tags`, { tags }),
  tags: () => http.get<RegionTag[]>('/region-tags'),
  addTag: (name: string, label: string) => http.post<RegionTag>('/region-tags', { name, label }),
}
