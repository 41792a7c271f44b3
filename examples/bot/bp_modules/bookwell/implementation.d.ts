/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
// Stands in for implementation.ts, which npm run build:plugin writes from the bundle.
declare const implementation: Buffer
export default implementation
