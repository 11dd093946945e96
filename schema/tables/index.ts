export * from './organisations'
export * from './auth'
export * from './org-resources'
export * from './assessments'
