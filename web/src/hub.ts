import * as signalR from "@microsoft/signalr";
import { useEffect, useRef, useState } from "react";
import type { ConsoleEvent, Improvement } from "./api";
import { EVENT_NAMES, type EventName, type OtherEventName } from "./events";

export type ConnectionState = "connecting" | "connected" | "reconnecting";

/** @schema ImprovementEvent */
export interface ImprovementEvent {
  at: string;
  improvement: Improvement;
}

/**
 * Keeps one hub connection for the signed-in user, reconnecting for as long as the page is open. After every
 * (re)connection `onConnected` runs, so the caller can fetch the current state: the hub carries changes only.
 */
export function useConsoleHub(
  token: string,
  onEvent: (name: EventName, event: ConsoleEvent) => void,
  onConnected: () => void,
  onImprovementOverdue: (event: ImprovementEvent) => void,
): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  const handlers = useRef({ onEvent, onConnected, onImprovementOverdue });
  handlers.current = { onEvent, onConnected, onImprovementOverdue };

  useEffect(() => {
    let stopped = false;
    const connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/console", { accessTokenFactory: () => token })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => Math.min(500 * 2 ** context.previousRetryCount, 5000) })
      // Connection trouble is shown in the banner; the browser console stays clean.
      .configureLogging(signalR.LogLevel.None)
      .build();
    for (const name of EVENT_NAMES) {
      connection.on(name, (event: ConsoleEvent) => handlers.current.onEvent(name, event));
    }
    connection.on("improvementOverdue" satisfies OtherEventName, (event: ImprovementEvent) => handlers.current.onImprovementOverdue(event));
    // The api may have missed events (it lost touch with the cluster): fetch the current state, as after a reconnection.
    connection.on("resync" satisfies OtherEventName, () => handlers.current.onConnected());
    connection.onreconnecting(() => setState("reconnecting"));
    connection.onreconnected(() => {
      setState("connected");
      handlers.current.onConnected();
    });

    const start = async (): Promise<void> => {
      while (!stopped) {
        try {
          await connection.start();
          setState("connected");
          handlers.current.onConnected();
          return;
        } catch {
          setState("reconnecting");
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
      }
    };
    // Automatic reconnection gives up only when told to; should it close anyway, start over.
    connection.onclose(() => {
      if (!stopped) {
        setState("reconnecting");
        void start();
      }
    });
    void start();
    return () => {
      stopped = true;
      void connection.stop();
    };
  }, [token]);

  return state;
}
