/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import * as sdk from "@botpress/sdk"
import * as typings from "./typings/index"
export * from "./typings/index"

type TPlugin = sdk.DefaultPlugin<typings.TPlugin>

export class Plugin extends sdk.Plugin<TPlugin> {}

export type PluginProps = sdk.PluginProps<TPlugin>
export type PluginRuntimeProps = sdk.PluginRuntimeProps<TPlugin>

// extra types

type ValueOf<T> = T[keyof T]

export type PluginHandlers = sdk.InjectedPluginHandlers<TPlugin>

export type EventHandlers = Required<{
  [K in keyof PluginHandlers['eventHandlers']]: NonNullable<PluginHandlers['eventHandlers'][K]>[number]
}>
export type MessageHandlers = Required<{
  [K in keyof PluginHandlers['messageHandlers']]: NonNullable<PluginHandlers['messageHandlers'][K]>[number]
}>

export type AnyMessageHandler = MessageHandlers['*']
export type AnyEventHandler = EventHandlers['*']
export type AnyActionHandler = ValueOf<PluginHandlers['actionHandlers']>

export type MessageHandlerProps = Parameters<AnyMessageHandler>[0]
export type EventHandlerProps = Parameters<AnyEventHandler>[0]
export type ActionHandlerProps = Parameters<AnyActionHandler>[0]

export type Client = (MessageHandlerProps | EventHandlerProps)['client']
