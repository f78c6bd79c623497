/**
 * Declarative configuration: a load balancer's whole configuration as one document referencing
 * everything by name, the plan of changes that would make the stored configuration equal to a
 * document, and applying that plan all or nothing as one revision, through the load balancer and
 * target group features' public services.
 */
@NullMarked
package dev.signalbox.panel.configuration;

import org.jspecify.annotations.NullMarked;
