// One row of a dated status history as the server sends it (http/status_history.h): stations,
// designations. `from` is null on the registration row.
export interface StatusChangeOf<S extends string = string> {
  from: S | null
  to: S
  to_label: string
  date: string
  reason: string
  document_no: string
  recorded_by: string
  recorded_at: string
}
