#ifndef CTESSERACT_SHIM_H
#define CTESSERACT_SHIM_H

#include <tesseract/capi.h>
#include <leptonica/allheaders.h>

// libtesseract is built with OpenMP. libgomp reads OMP_THREAD_LIMIT only when it loads, so the
// engine limits each worker thread through the runtime API instead (see build-notes).
extern void omp_set_num_threads(int);
extern void omp_set_dynamic(int);

// Leptonica's pixel accessors are macros; these are the functions Swift can call.
static inline l_uint32 *ktp_pix_row(PIX *pix, l_int32 y) {
    return pixGetData(pix) + (size_t)y * (size_t)pixGetWpl(pix);
}

#endif
