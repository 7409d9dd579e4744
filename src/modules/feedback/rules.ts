/** Pure rules of listening to citizens: the feedback register and the legal deadlines of reception, complaints and denunciations. */
export * from './deadlines';
export * from './register';
