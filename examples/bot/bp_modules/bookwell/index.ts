/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import * as sdk from "@botpress/sdk"

import definition from "./definition/index"
import implementation from "./implementation"

export default {
  type: "plugin",
  id: undefined,
  uri: "../../plugin",
  name: "bookwell",
  version: "0.1.0",
  definition,
  implementation,
} satisfies sdk.PluginPackage