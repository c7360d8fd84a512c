#ifndef A32RUN_VERSION_H
#define A32RUN_VERSION_H
#define A32RUN_VERSION "0.1.0"
#endif
