import type { Meta, StoryObj } from '@storybook/react'
import { ApiKeyRow } from './api-key-row'

const meta: Meta<typeof ApiKeyRow> = { component: ApiKeyRow }
export default meta

export const Default: StoryObj<typeof ApiKeyRow> = {
  args: { name: 'Production', apiKey: 'ak_9fQ2mX7pL4vR8tY1wZ3nB6cD', createdAt: '2024-05-01' },
}
