/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import * as sdk from "@botpress/sdk"
import * as bookwell from "./bookwell/index";
export * as bookwell from "./bookwell/index";

export const plugins = {
  "bookwell": bookwell.default,
}

export type TPlugins = {
  "bookwell": bookwell.TPlugin;
}