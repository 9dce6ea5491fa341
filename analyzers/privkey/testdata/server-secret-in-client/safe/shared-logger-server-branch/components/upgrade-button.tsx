'use client'

import { createScopedLogger } from '@/utils/logger'

const logger = createScopedLogger('upgrade')

export const UpgradeButton = () => <button onClick={() => logger.info('clicked')}>Upgrade</button>
