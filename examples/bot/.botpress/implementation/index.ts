/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import * as sdk from "@botpress/sdk"
import * as typings from "./typings/index"
import * as plugins from "./plugins/index"

export * from "./typings/index"
export * from "./plugins/index"

type TPlugins = plugins.TPlugins
type TBot = sdk.DefaultBot<typings.TBot>

export type BotProps = Omit<sdk.BotProps<TBot, TPlugins>, 'plugins'>

export class Bot extends sdk.Bot<TBot, TPlugins> {
  public constructor(props: BotProps) {
    super({
      ...props,
      plugins: plugins.plugins
    })
  }
}

// extra types

export type BotHandlers = sdk.InjectedBotHandlers<TBot>

export type EventHandlers = Required<{
  [K in keyof BotHandlers['eventHandlers']]: NonNullable<BotHandlers['eventHandlers'][K]>[number]
}>
export type MessageHandlers = Required<{
  [K in keyof BotHandlers['messageHandlers']]: NonNullable<BotHandlers['messageHandlers'][K]>[number]
}>

export type MessageHandlerProps = Parameters<MessageHandlers['*']>[0]
export type EventHandlerProps = Parameters<EventHandlers['*']>[0]

export type Client = (MessageHandlerProps | EventHandlerProps)['client']
