/** Pure rules of complaints and denunciations (vn-rules §5.1, §5.2). */
export * from './complaint-rules';
export * from './denunciation-rules';
