/** The Signalbox control panel; each sub-package is one feature (an application module). */
@NullMarked
package dev.signalbox.panel;

import org.jspecify.annotations.NullMarked;
