-- wrk -s signed-in.lua URL -- COOKIE_FILE: every request carries the cookie of one signed-in session, read from
-- COOKIE_FILE's line "Cookie: ..." (bench/tools/Load.java's cookie command writes it), so that the session id
-- never stands on a command line. Each wrk thread runs its own copy of this script.
function init(args)
    local file = assert(io.open(args[1]))
    local line = file:read("*l")
    file:close()
    wrk.headers["Cookie"] = assert(line:match("^Cookie: (.+)$"), "no Cookie: line in " .. args[1])
end
