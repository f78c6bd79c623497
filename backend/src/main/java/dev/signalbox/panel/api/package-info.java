/**
 * Interfaces and DTOs generated from {@code openapi.yaml} (see the build); every feature's
 * controller implements one of them, so the module is open to all.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.signalbox.panel.api;

import org.springframework.modulith.ApplicationModule;
