import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface RegionRef {
  code: string
  name: string
}

const MOBILE_MAX = 768
const REGION_KEY = 'ruralec.region'

function readRegion(): RegionRef | null {
  try {
    const r = JSON.parse(sessionStorage.getItem(REGION_KEY) || 'null')
    return r && typeof r.code === 'string' && typeof r.name === 'string' ? r : null
  } catch {
    return null
  }
}

export const useAppStore = defineStore('app', () => {
  const collapsed = ref(localStorage.getItem('ruralec.sidebar') === 'collapsed')
  const isMobile = ref(typeof window !== 'undefined' && window.innerWidth < MOBILE_MAX)
  const drawerOpen = ref(false)
  /** The region the user works on (picked in the top bar, inside their scope). */
  const currentRegion = ref<RegionRef | null>(readRegion())
  /** An error page shown in place of the current view (403 from the API, 404 of a record). */
  const errorPage = ref<0 | 403 | 404>(0)

  function toggleSidebar() {
    if (isMobile.value) {
      drawerOpen.value = !drawerOpen.value
      return
    }
    collapsed.value = !collapsed.value
    localStorage.setItem('ruralec.sidebar', collapsed.value ? 'collapsed' : 'open')
  }

  function onResize() {
    isMobile.value = window.innerWidth < MOBILE_MAX
    if (!isMobile.value) drawerOpen.value = false
  }

  function setRegion(r: RegionRef | null) {
    currentRegion.value = r
    if (r) sessionStorage.setItem(REGION_KEY, JSON.stringify(r))
    else sessionStorage.removeItem(REGION_KEY)
  }

  return { collapsed, isMobile, drawerOpen, currentRegion, errorPage, toggleSidebar, onResize, setRegion }
})
