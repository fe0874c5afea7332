/**
 * Tests of the rules in ARCHITECTURE.md and STYLE.md that hold across modules: which module and which stage package
 * may use which, and how long a source file may grow. They live in app, the one module that has every other on its
 * classpath, and read the main classes of all of them (ArchUnit) or their source files (from the repository root).
 */
package io.recoup.architecture;
