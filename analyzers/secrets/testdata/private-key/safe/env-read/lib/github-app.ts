import { App } from 'octokit'

export const app = new App({ appId: Number(process.env.GITHUB_APP_ID), privateKey: process.env.GITHUB_APP_PRIVATE_KEY!.replace(/\\n/g, '\n') })
