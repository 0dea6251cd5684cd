# Dot-sourced by every Pester file in BeforeAll: paths, the built module, the emulator helpers.
$RepoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
$ModuleVersion = (Import-PowerShellDataFile (Join-Path $RepoRoot 'Composio.psd1')).ModuleVersion
# The module under test: the built one, or the one `build.ps1 Test -Installed` installed from the package.
$ModuleManifest = if ($env:COMPOSIO_TEST_MODULE) { $env:COMPOSIO_TEST_MODULE } else { Join-Path $RepoRoot "out/Composio/$ModuleVersion/Composio.psd1" }
Import-Module (Join-Path $RepoRoot 'tools/EmulatorControl.psm1') -Force
Import-Module $ModuleManifest -Force

function Connect-TestEmulator([Parameter(Mandatory)] $Emulator, [hashtable] $Extra = @{}) {
    $key = ConvertTo-SecureString $Emulator.ApiKey -AsPlainText -Force
    # -SkipCheck: tests of other features should not see Connect-Composio's key check on the wire.
    Connect-Composio -ApiKey $key -BaseUri $Emulator.BaseUri -PassThru -SkipCheck @Extra
}

# How to start a child pwsh like this one: under `dotnet pwsh` the process is dotnet, and pwsh.dll
# sits in $PSHOME. -Exe: another host (e.g. the module host of `build.ps1 Test -TestHost`).
function Get-PwshCommand([string] $Exe = [Environment]::ProcessPath) {
    $prefix = if ([IO.Path]::GetFileNameWithoutExtension($Exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
    [pscustomobject]@{ Exe = $Exe; Arguments = $prefix }
}

# A ProcessStartInfo for a child pwsh with these arguments.
function New-PwshStartInfo([string[]] $Arguments = @(), [string] $Exe = [Environment]::ProcessPath) {
    $pwsh = Get-PwshCommand $Exe
    $psi = [Diagnostics.ProcessStartInfo]::new($pwsh.Exe)
    foreach ($a in @($pwsh.Arguments) + @($Arguments)) { $psi.ArgumentList.Add($a) }
    $psi
}

function Invoke-Pwsh {
    $pwsh = Get-PwshCommand
    & $pwsh.Exe @($pwsh.Arguments) @args
}

# Runs a script in a brand-new pwsh with the built module imported; returns its output lines.
function Invoke-FreshPwsh([Parameter(Mandatory)] [string] $Script) {
    Invoke-Pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; $Script" 2>&1
}

# Runs a script file as a scheduled task or CI job would: a new pwsh, -NonInteractive, stdin closed.
# Returns every line it wrote (output and errors).
function Invoke-UnattendedScript([Parameter(Mandatory)] [string] $Path) {
    $pwsh = Get-PwshCommand
    $quoted = (@($pwsh.Exe) + @($pwsh.Arguments) | ForEach-Object { "'$_'" }) -join ' '
    bash -c "$quoted -NoProfile -NonInteractive -File '$Path' < /dev/null 2>&1"
}

# The emulator started with a private toolkit cache folder (no test reads or writes a user's cache), and connected.
# -ApiKey: the keys it accepts (the first connects); two keys are two connections that never match as one project.
function Start-TestEmulator([string] $Catalog, [string[]] $ApiKey) {
    $null = New-TestCache
    $params = @{}
    if ($Catalog) { $params.Catalog = $Catalog }
    if ($ApiKey) { $params.ApiKey = $ApiKey }
    $emulator = Start-ComposioEmulator @params
    Connect-TestEmulator $emulator | Out-Null
    $emulator
}

function Stop-TestEmulator($Emulator) {
    Disconnect-Composio
    if ($Emulator) { $Emulator | Stop-ComposioEmulator }
    Remove-TestCache
}

# A per-run folder for the toolkit cache, so no test depends on (or writes to) a user's cache;
# -Sub: the cache goes in a subfolder of it. Returns the folder; Remove-TestCache deletes it.
function New-TestCache([string] $Prefix = 'composio-pester', [string] $Sub) {
    $script:TestCacheDir = Join-Path ([IO.Path]::GetTempPath()) "$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $env:COMPOSIO_CACHE_DIR = if ($Sub) { Join-Path $script:TestCacheDir $Sub } else { $script:TestCacheDir }
    $script:TestCacheDir
}

function Remove-TestCache {
    if ($script:TestCacheDir) { Remove-Item $script:TestCacheDir -Recurse -Force -ErrorAction SilentlyContinue }
    $env:COMPOSIO_CACHE_DIR = $null
}

# The API requests the emulator received (admin calls are not logged), optionally filtered.
function Get-WireRequest($Emulator, [string] $Method, [string] $PathLike = '*') {
    $all = Get-ComposioEmulatorRequest $Emulator
    $all | Where-Object { (-not $Method -or $_.method -eq $Method) -and $_.path -like $PathLike }
}

# Starts a script in a brand-new pwsh process with stdin closed, its output read as it comes:
# for tests that signal the process (Ctrl+C) or run two at once. Returns the process and the
# tasks reading its stdout and stderr.
function Start-PwshProcess([Parameter(Mandatory)] [string] $Script) {
    $psi = New-PwshStartInfo @('-NoProfile', '-NonInteractive', '-Command', "Import-Module '$ModuleManifest'; $Script")
    $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true; $psi.RedirectStandardInput = $true; $psi.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($psi)
    $process.StandardInput.Close()
    [pscustomobject]@{ Process = $process; Out = $process.StandardOutput.ReadToEndAsync(); Err = $process.StandardError.ReadToEndAsync() }
}

# Waits until the condition holds (polled every 20 ms), else throws the message after -Seconds.
function Wait-Until([Parameter(Mandatory)] [scriptblock] $Condition, [Parameter(Mandatory)] [string] $Failure, [int] $Seconds = 20) {
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw $Failure }
        Start-Sleep -Milliseconds 20
    }
}

# Waits until the emulator has seen $Count API requests of $Method under $PathLike;
# -Answered: only those it has answered (a status in its log), e.g. a 503 the client now waits out.
function Wait-WireRequest($Emulator, [string] $Method, [string] $PathLike, [int] $Count = 1, [switch] $Answered) {
    Wait-Until { @(Get-WireRequest $Emulator $Method $PathLike | Where-Object { -not $Answered -or $null -ne $_.status }).Count -ge $Count } `
        "The emulator never saw $Count $Method requests to $PathLike$(if ($Answered) { ' answered' })."
}

# A second runspace of this process with the module imported (the module's default connection is
# shared with it); -WithHost: a host of the test's own, e.g. one that answers prompts.
function New-TestShell([System.Management.Automation.Host.PSHost] $WithHost) {
    $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    $iss.ImportPSModule($ModuleManifest)
    $runspace = if ($WithHost) { [runspacefactory]::CreateRunspace($WithHost, $iss) } else { [runspacefactory]::CreateRunspace($iss) }
    $runspace.Open()
    $ps = [powershell]::Create()
    $ps.Runspace = $runspace
    $ps
}

# Starts a script in a second runspace, waits until -Until says it is where the test wants it
# (e.g. its request reached the emulator), stops it (Ctrl+C) and returns how long the stop took in ms.
function Measure-Stop([Parameter(Mandatory)] [string] $Script, [Parameter(Mandatory)] [scriptblock] $Until, [object[]] $Arguments = @()) {
    $ps = New-TestShell
    try {
        $null = $ps.AddScript($Script)
        foreach ($a in $Arguments) { $null = $ps.AddArgument($a) }
        $async = $ps.BeginInvoke()
        & $Until
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $clock.Stop()
        $async.IsCompleted | Should -BeTrue
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $clock.Elapsed.TotalMilliseconds
    }
    finally { $ps.Runspace.Dispose(); $ps.Dispose() }
}

# The shortest of up to three stops: a shared 2-core CI machine can stall one try, but a stop
# that really waits for the request or the backoff fails all three. -Before runs before each try.
function Measure-FastestStop([Parameter(Mandatory)] [string] $Script, [Parameter(Mandatory)] [scriptblock] $Until, [object[]] $Arguments = @(), [scriptblock] $Before = {}, [double] $Bound = 400) {
    $best = [double]::MaxValue
    for ($i = 0; $i -lt 3 -and $best -ge $Bound; $i++) {
        & $Before
        $best = [Math]::Min($best, (Measure-Stop $Script $Until $Arguments))
    }
    $best
}
