// The working-day calendar: docs/API.md, "Calendar".
import { http } from '@/api/client'

export interface CalendarYear {
  year: number
  source: string
  holidays: number
  workdays: number
}

export interface CalendarDay {
  date: string
  kind: 'holiday' | 'workday'
  name: string
}

export const calendarApi = {
  years: () => http.get<CalendarYear[]>('/calendar/years'),
  year: (year: number) => http.get<{ year: number; days: CalendarDay[] }>(`/calendar/${year}`),
  putYear: (year: number, days: CalendarDay[]) => http.put<unknown>(`/calendar/${year}`, { days }),
  workdaysAfter: (date: string, n: number) => http.get<{ date: string }>('/calendar/workdays-after', { date, n }),
}
