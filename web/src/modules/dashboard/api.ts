// The statistical monitoring screen's data (docs/API.md "Dashboard"): GET /dashboard/{region} —
// every registry figure with its period and as-of time, fund execution, programme progress and
// the monthly trends — and GET /dashboard/{region}/ranking (the children, paginated). The
// statistics package is a download link (xlsx) or JSON.
import { API_BASE, http, type Page } from '@/api/client'

export interface Figure {
  key: string
  label: string
  indicator: string
  params: Record<string, string>
  /** registry base unit: fen, count, person_time, basis_point, centi … */
  unit: string
  from: string
  to: string
  status: 'ok' | 'no_data'
  value: number | null
  numerator: number | null
  denominator: number | null
  /** an increase: the year-earlier figure it is measured from */
  baseline?: number | null
  source: string
  reason: string
  /** UTC ms the figure was measured */
  as_of: number
  /** roll-up (city, province): counties summed, those without data, whether all had data */
  children?: number
  missing?: string[]
  complete?: boolean
  /** rolled up from the stored county figures (as_of: the oldest of them) */
  stored?: boolean
}

export interface Panel {
  key: string
  title: string
  figures: Figure[]
}

export interface FundCategory {
  code: string
  name: string
  planned_fen: number
  committed_fen: number
  advanced_fen: number
  paid_fen: number
}

export interface FundsPanel {
  status: 'ok' | 'no_data'
  reason: string
  funds: number
  categories: FundCategory[]
  total: FundCategory
  as_of: number
}

export interface ProgrammeSummary {
  id: number
  name: string
  region_code: string
  targets: number
  done: number
  on_track: number
  behind: number
  no_data: number
  tasks: number
  tasks_overdue: number
}

export interface LaggingLine {
  programme_id: number
  target_id: string
  text: string
  region_name: string
  status: string
  percent: number | null
}

export interface ProgrammePanel {
  status: 'ok' | 'no_data'
  reason: string
  programmes: ProgrammeSummary[]
  programmes_total: number
  lagging: LaggingLine[]
  as_of: number
}

export interface TrendSeries {
  key: string
  label: string
  unit: string
  values: (number | null)[]
}

export interface Screen {
  region: { code: string; name: string; level: string }
  children_level: string
  month: string
  as_of: number
  as_of_text: string
  panels: Panel[]
  funds?: FundsPanel
  programme?: ProgrammePanel
  trends?: { months: string[]; series: TrendSeries[]; as_of: number }
}

export interface RankFigure {
  status: 'ok' | 'no_data'
  value: number | null
  numerator: number | null
  denominator: number | null
  unit: string
  reason: string
}

export interface RankRow {
  rank: number | null
  region_code: string
  region_name: string
  figures: Record<string, RankFigure>
}

export interface Ranking extends Page<RankRow> {
  by: string
  month: string
  as_of: number
  keys: string[]
}

export interface Boundary {
  county_code: string
  features: number
  sha256: string
  /** 审图号 the county stated for the published map ('' = none) */
  approval_number: string
  uploaded_at: number
  geojson: { type: 'FeatureCollection'; features: { properties: { code: string | number } }[] }
}

export const dashboardApi = {
  boundary: (region: string) => http.get<Boundary>(`/dashboard/${region}/boundary`),
  uploadBoundary: (county: string, file: File, approvalNumber: string) => {
    const form = new FormData()
    form.append('file', file)
    form.append('approval_number', approvalNumber)
    return http.post<Omit<Boundary, 'geojson'>>(`/dashboard/${county}/boundary`, form)
  },
  screen: (region: string, month?: string) => http.get<Screen>(`/dashboard/${region}`, { month }),
  ranking: (region: string, q: { month?: string; by?: string; page_size?: number }) =>
    http.get<Ranking>(`/dashboard/${region}/ranking`, q),
  packageUrl: (region: string, period: string, kind: 'month' | 'quarter') =>
    `${API_BASE}/dashboard/${region}/package?period=${encodeURIComponent(period)}&kind=${kind}`,
}
