# Shell functions that show a program in a real terminal under Xvfb and take screenshots of it,
# as the real-stack bench does, for the checks in this folder. Source it; it needs Xvfb,
# xdotool and imagemagick, plus cage and foot or xterm for the terminal asked for.
#
#   screen_start DISPLAY WxH foot FOOT_INI COMMAND...         cage's X11 backend + foot
#   screen_start DISPLAY WxH xterm FONT_SIZE TERM COMMAND...  the deploy guide's xterm line
#   screen_shot FILE                                          once the screen has settled
#   screen_key KEY...                                         xdotool key names
#   screen_stop
#
# The caller picks the display number, so that several checks can run side by side.

screen_pids=()
screen_runtime=$(mktemp -d /tmp/screen-stack.XXXXXX)
chmod 700 "$screen_runtime"
# cage will not run as root: as root, the stack runs as SCREEN_USER (nobody by default).
screen_user=${SCREEN_USER:-nobody}
screen_as=()
if [[ $EUID -eq 0 ]]; then
    chown "$screen_user" "$screen_runtime"
    screen_as=(runuser -u "$screen_user" --)
fi

screen_start() {
    local display=$1 size=$2 terminal=$3 i win
    shift 3
    screen_display=$display
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp -ac 2>>"$screen_runtime/xvfb.log" &
    screen_pids+=($!)
    for ((i = 0; i < 100; i++)); do
        DISPLAY=$display xdpyinfo >/dev/null 2>&1 && break
        sleep 0.05
    done
    case $terminal in
        foot)
            local ini=$1
            shift
            "${screen_as[@]}" env -u WAYLAND_DISPLAY HOME="$screen_runtime" DISPLAY="$display" \
                XDG_RUNTIME_DIR="$screen_runtime" \
                WLR_BACKENDS=x11 WLR_RENDERER=pixman \
                cage -s -- foot --config="$ini" "$@" >>"$screen_runtime/stack.log" 2>&1 &
            ;;
        xterm)
            local points=$1 term=$2
            shift 2
            # The guide's command line; -tn sets TERM. The window is then made the size of the
            # screen, as the bench does.
            "${screen_as[@]}" env -u COLORTERM HOME="$screen_runtime" DISPLAY="$display" \
                xterm -fa "DejaVu Sans Mono" -fd "Noto Sans Mono CJK JP" -fs "$points" \
                -tn "$term" -e "$@" >>"$screen_runtime/stack.log" 2>&1 &
            ;;
        *) echo "screen_start: no terminal $terminal" >&2; return 2 ;;
    esac
    screen_pids+=($!)
    for ((i = 0; i < 200; i++)); do
        win=$(DISPLAY=$display xwininfo -root -children 2>/dev/null | awk '/^ +0x/ {print $1; exit}') || true
        [[ -n $win ]] && break
        sleep 0.05
    done
    [[ -n $win ]] || { echo "no window on $display" >&2; tail -3 "$screen_runtime/stack.log" >&2; return 1; }
    # xterm may still set its own size just after its window appears: try until it stays.
    for ((i = 0; i < 10; i++)); do
        DISPLAY=$display timeout 5 xdotool windowsize --sync "$win" "${size%x*}" "${size#*x}" || true
        sleep 0.3
        [[ $(DISPLAY=$display xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p') == "$size" ]] &&
            return 0
    done
    echo "the window did not take the size of the screen" >&2
    return 1
}

screen_key() { DISPLAY=$screen_display xdotool key --delay 0 "$@"; }

# screen_shot FILE: a screenshot once two in a row, 0.4 s apart, are the same.
screen_shot() {
    local out=$1 last="" now i
    for ((i = 0; i < 40; i++)); do
        import -display "$screen_display" -window root "$out" 2>/dev/null || { sleep 0.4; continue; }
        now=$(md5sum <"$out")
        [[ $now == "$last" ]] && return 0
        last=$now
        sleep 0.4
    done
    echo "the screen did not settle ($out)" >&2
    return 1
}

screen_stop() {
    local pid i
    for ((i = ${#screen_pids[@]} - 1; i >= 0; i--)); do
        pid=${screen_pids[i]}
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    screen_pids=()
    # The display number is free again once Xvfb's lock is gone.
    for ((i = 0; i < 50; i++)); do
        [[ -e /tmp/.X${screen_display#:}-lock ]] || break
        sleep 0.1
    done
}
