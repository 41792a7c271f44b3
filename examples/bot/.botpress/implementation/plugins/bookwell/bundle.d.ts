/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import * as sdk from "@botpress/sdk"
import * as typings from "./typings/index"
type TPlugin = sdk.DefaultPlugin<typings.TPlugin>
export default new sdk.Plugin<TPlugin>({})
