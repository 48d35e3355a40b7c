import { defineStore } from 'pinia'
import { reactive } from 'vue'
import { dictsApi, type DictItem } from '@/api'

/** Caches `GET /dicts/{name}`; concurrent loads of one name share a request. */
export const useDictStore = defineStore('dicts', () => {
  const items = reactive<Record<string, DictItem[]>>({})
  const pending = new Map<string, Promise<DictItem[]>>()

  function load(name: string): Promise<DictItem[]> {
    if (items[name]) return Promise.resolve(items[name])
    let p = pending.get(name)
    if (!p) {
      p = dictsApi
        .get(name)
        .then((list) => {
          items[name] = Array.isArray(list) ? list : []
          return items[name]
        })
        .finally(() => pending.delete(name))
      pending.set(name, p)
    }
    return p
  }

  function label(name: string, value: string): string {
    return items[name]?.find((i) => i.value === value)?.label ?? value
  }

  function set(name: string, list: DictItem[]) {
    items[name] = list
  }

  return { items, load, label, set }
})
