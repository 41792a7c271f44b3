/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import * as sdk from "@botpress/sdk"
import bundle from "./bundle"
import * as typings from "./typings/index"
import * as config from "./config"

export type TPlugin = sdk.DefaultPlugin<typings.TPlugin>

export const configuration = config.default.configuration
export const interfaces = config.default.interfaces

export default bundle.initialize(config.default)
