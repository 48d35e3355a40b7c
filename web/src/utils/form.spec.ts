import { describe, expect, it, vi } from 'vitest'

const { error } = vi.hoisted(() => ({ error: vi.fn() }))
vi.mock('element-plus', async (orig) => ({ ...(await orig<typeof import('element-plus')>()), ElMessage: { error } }))

import { showApiError, clearErrors } from './form'
import { ApiError } from '@/api/client'

describe('showApiError', () => {
  it('puts the message on the named field when the form has it', () => {
    const errors: Record<string, string> = { username: '', mobile: '' }
    expect(showApiError(new ApiError(409, 'conflict', '用户名 admin 已存在', 'username'), errors, ['username', 'mobile'])).toBe(true)
    expect(errors.username).toBe('用户名 admin 已存在')
    expect(error).not.toHaveBeenCalled()
    clearErrors(errors)
    expect(errors.username).toBe('')
  })

  it('shows the message when the field is unknown or empty', () => {
    const errors: Record<string, string> = { username: '' }
    showApiError(new ApiError(403, 'forbidden', '三员角色只能由安全管理员授予', 'roles'), errors, ['username'])
    expect(error).toHaveBeenLastCalledWith('三员角色只能由安全管理员授予')
    showApiError(new ApiError(500, 'internal', '服务器错误', ''), errors)
    expect(error).toHaveBeenLastCalledWith('服务器错误')
  })

  it('stays quiet for session loss (the login page shows it)', () => {
    error.mockClear()
    showApiError(new ApiError(401, 'session_expired', '会话已过期', ''))
    expect(error).not.toHaveBeenCalled()
  })
})
