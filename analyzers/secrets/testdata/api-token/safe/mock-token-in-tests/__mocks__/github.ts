export const token = 'ghp_XHdO2x93CJHLS45gqIO2zVZxqyxKjxvWfCol'
export const octokit = { auth: token }
