// ncursesw's wide-character API is declared only with these set before the header (build-notes).
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/ncurses.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

// Swift imports neither the attribute macros nor getmaxyx; these wrappers are all this shim adds.
static inline attr_t ktp_a_normal(void) { return A_NORMAL; }
static inline attr_t ktp_a_bold(void) { return A_BOLD; }
static inline attr_t ktp_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ktp_a_reverse(void) { return A_REVERSE; }
static inline attr_t ktp_a_dim(void) { return A_DIM; }
static inline int ktp_colors(void) { return COLORS; }
static inline int ktp_color_pairs(void) { return COLOR_PAIRS; }
static inline int ktp_rows(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)x; return y; }
static inline int ktp_columns(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)y; return x; }

// A crash must not leave the operator's terminal in raw mode: restore it, then die as the signal says.
static void ktp_restore_and_reraise(int signal_number) {
    endwin();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static inline void ktp_restore_terminal_on_crash(void) {
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action = { 0 };
        action.sa_handler = ktp_restore_and_reraise;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &action, NULL);
    }
}
