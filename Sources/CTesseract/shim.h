#ifndef CTESSERACT_SHIM_H
#define CTESSERACT_SHIM_H

#include <tesseract/capi.h>
#include <leptonica/allheaders.h>

// libtesseract is built with OpenMP and asks for threads with num_threads clauses, which
// override omp_set_num_threads. libgomp reads OMP_THREAD_LIMIT only when it loads, so the
// engine turns parallel regions off through max-active-levels instead (see build-notes).
extern void omp_set_max_active_levels(int);
extern int omp_get_max_active_levels(void);

// Leptonica's pixel accessors are macros; these are the functions Swift can call.
static inline l_uint32 *ktp_pix_row(PIX *pix, l_int32 y) {
    return pixGetData(pix) + (size_t)y * (size_t)pixGetWpl(pix);
}

#endif
