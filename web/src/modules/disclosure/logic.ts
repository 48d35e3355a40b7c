// What the disclosure pages decide on the client: status colours, which moves a user is offered
// (the server decides: it refuses the maker as publisher), the short form of a content hash.
import type { Publication, PubStatus } from './api'

export function statusType(s: PubStatus): 'info' | 'warning' | 'success' | 'danger' {
  if (s === 'published') return 'success'
  if (s === 'submitted') return 'warning'
  if (s === 'withdrawn') return 'danger'
  return 'info'
}

export interface Moves {
  submit: boolean
  publish: boolean
  withdraw: boolean
  discard: boolean
  /** the caller made or submitted it: publishing needs another person */
  own: boolean
}

/** The moves to offer `userId` holding `perms` on `p`. */
export function movesFor(p: Publication, userId: number | string | undefined, perms: { edit: boolean; approve: boolean }): Moves {
  const me = userId === undefined ? NaN : Number(userId)
  const own = p.created_by_id === me || p.submitted_by_id === me
  return {
    submit: perms.edit && p.status === 'draft',
    publish: perms.approve && p.status === 'submitted',
    withdraw: perms.approve && p.status !== 'withdrawn',
    /** a draft or a submitted one is discarded (never public), a published one withdrawn */
    discard: p.status === 'draft' || p.status === 'submitted',
    own,
  }
}

/** "3f2a…9c01": the first and last 4 hex digits. */
export function shortHash(h: string): string {
  return h.length > 12 ? `${h.slice(0, 4)}…${h.slice(-4)}` : h
}
