#requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks the Composio module.
.DESCRIPTION
    Run as `dotnet pwsh ./build.ps1 <Task>` after `dotnet tool restore`.
      Build    lays the module out in out/Composio/<version>/ exactly as it ships (with ReadyToRun
               images of its dependencies per runtime identifier, tools/ReadyToRunImages), its updatable help
               in out/help/, the emulator in out/emulator/, and its launcher (for
               tools/EmulatorControl.psm1) in out/emulator-control/.
      Package  Build, then out/Composio.<version>.nupkg (Publish-PSResource to a temporary folder repository).
      Publish  Package, then publish that nupkg to -Repository (a registered PSResourceGet repository)
               with -ApiKey. For maintainers only; never run by CI. Asks first; -WhatIf sends nothing.
      Test     Build and Package, then xunit, then Pester 5 against the built module and the installed
               package; results in out/test-results/. With -Installed, the package is first installed
               into out/installed/Modules (tools/Install-ModulePackage.ps1) and Pester tests that
               installed module; -TestHost names the PowerShell that loads it (the public CI matrix,
               .github/workflows/ci.yml, runs this on each platform and PowerShell version). The
               contract test's npm packages are installed into out/contract/ first, from
               tests/contract/package-lock.json.
      Demo     Build, start the emulator, and walk the seed doc's examples, printing the objects.
      Bench    Build, then the benchmarks in bench/.
      Clean    removes out/.
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Publish', 'Demo', 'Bench', 'Clean')]
    [string] $Task = 'Build',
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',
    # Pester: run only test files whose name matches (e.g. 'Lifecycle').
    [string] $PesterFilter = '*',
    # Test: Pester tests the module installed from the package rather than out/Composio.
    [switch] $Installed,
    # Test: the PowerShell that loads the module under test, e.g. `powershell` (Windows PowerShell
    # 5.1). Pester itself runs in this pwsh: a host other than it runs the tests tagged 'Host',
    # which start the module in that host (tests/pester/UserHome.ps1, Invoke-UserPwsh -ModuleHost).
    [string] $TestHost,
    # Publish: the name of a registered PSResourceGet repository, and its API key.
    [string] $Repository,
    [securestring] $ApiKey
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$version = (Import-PowerShellDataFile (Join-Path $root 'Composio.psd1')).ModuleVersion
$moduleDir = Join-Path $out "Composio/$version"
$results = Join-Path $out 'test-results'
$package = Join-Path $out "Composio.$version.nupkg"
# -WhatIf/-Confirm mean something only for Publish; for the others they would half-run a build.
if ($Task -ne 'Publish' -and ($PSBoundParameters.ContainsKey('WhatIf') -or $PSBoundParameters.ContainsKey('Confirm'))) {
    throw "-WhatIf and -Confirm apply to the Publish task only."
}
if ($Task -ne 'Test' -and ($Installed -or $TestHost)) { throw "-Installed and -TestHost apply to the Test task only." }

function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Invoke-Build {
    $staging = Join-Path $out 'staging'
    Remove-Item $staging, $moduleDir -Recurse -Force -ErrorAction SilentlyContinue
    Invoke-Native 'dotnet publish (module)' { dotnet publish (Join-Path $root 'src/Composio.PowerShell') -c $Configuration -o $staging --nologo -v quiet }
    # The same sources against .NET Framework 4.7.2's reference assemblies: an API Windows
    # PowerShell 5.1 lacks fails here, not on a user's server. Nothing of it ships.
    Invoke-Native 'dotnet build (.NET Framework check)' { dotnet build (Join-Path $root 'src/Composio.PowerShell') -c $Configuration -p:ComposioFrameworkCheck=true --nologo -v quiet }
    Invoke-Native 'dotnet build (emulator)' { dotnet build (Join-Path $root 'src/Composio.Emulator') -c $Configuration -o (Join-Path $out 'emulator') --nologo -v quiet }
    # The emulator launcher that tools/EmulatorControl.psm1 loads (the xunit projects reference it).
    Invoke-Native 'dotnet build (emulator control)' { dotnet build (Join-Path $root 'tools/Composio.EmulatorControl') -c $Configuration --no-dependencies -o (Join-Path $out 'emulator-control') --nologo -v quiet }

    # The cmdlet assembly sits beside the manifest; everything it depends on goes to dependencies/,
    # where the module's resolver loads it into a private load context. Our symbols are embedded
    # in our dlls, so only dlls ship.
    $deps = New-Item -ItemType Directory -Force (Join-Path $moduleDir 'dependencies')
    Copy-ShippedManifest (Join-Path $moduleDir 'Composio.psd1')
    foreach ($file in Get-ChildItem $staging -File -Filter *.dll) {
        Copy-Item $file.FullName $(if ($file.BaseName -eq 'Composio.PowerShell') { $moduleDir } else { $deps })
    }
    # ReadyToRun images of those very files, one folder per runtime identifier (dependencies/<rid>/,
    # tools/ReadyToRunImages): on .NET 10 the resolver loads them, elsewhere the IL files.
    Invoke-Native 'dotnet msbuild (ReadyToRun images)' { dotnet msbuild (Join-Path $root 'tools/ReadyToRunImages') -restore -m -t:Images -p:Configuration=$Configuration "-p:DependencyFolder=$($deps.FullName)" --nologo -v:q }
    Copy-Item (Join-Path $root 'src/Composio.PowerShell/Formats/*.ps1xml'), (Join-Path $root 'LICENSE') $moduleDir
    Build-Help
    & (Join-Path $root 'tools/New-UpdatableHelp.ps1') -ModulePath $moduleDir -OutputPath (Join-Path $out 'help')
    Remove-Item $staging -Recurse -Force
    Write-Host "Built Composio $version in $moduleDir"
}

# The CHANGELOG.md section of the version being built (its heading without '## ', then its text):
# the release notes. Never [Unreleased]: a version without its own section fails the build.
function Get-ReleaseNote {
    $heading = '^## \[?' + [regex]::Escape($version) + '\]?(\s|$)'
    $section = [System.Collections.Generic.List[string]]::new()
    foreach ($line in Get-Content (Join-Path $root 'CHANGELOG.md')) {
        if ($line.StartsWith('## ')) {
            if ($section.Count) { break }
            if ($line -notmatch $heading) { continue }
            $line = $line.Substring(3)
        }
        elseif (-not $section.Count) { continue }
        $section.Add($line)
    }
    if (-not $section.Count) { throw "CHANGELOG.md has no '## [$version]' section for the release notes of Composio.psd1's version $version." }
    ($section -join "`n").Trim()
}

# The source manifest keeps a placeholder; the shipped copy carries the release notes, so the
# version still lives in one file and the notes in another.
function Copy-ShippedManifest([string] $Destination) {
    $text = Get-Content -Raw (Join-Path $root 'Composio.psd1')
    $pattern = [regex] "(?m)^(\s*ReleaseNotes\s*=\s*)'[^']*'"
    if (-not $pattern.IsMatch($text)) { throw "Composio.psd1 has no ReleaseNotes = '...' line to fill." }
    # Every kind of single quote PowerShell knows is doubled (the SDK's escaping), so the notes stay one string.
    $quoted = "'" + [System.Management.Automation.Language.CodeGeneration]::EscapeSingleQuotedStringContent((Get-ReleaseNote)) + "'"
    $text = $pattern.Replace($text, { param($m) $m.Groups[1].Value + $quoted }, 1)
    [IO.File]::WriteAllText($Destination, $text, [Text.UTF8Encoding]::new($true))
}

function Build-Help {
    $docs = Join-Path $root 'docs'
    $converter = Join-Path $root 'tools/ConvertTo-MamlHelp.ps1'
    if (Test-Path $converter) {
        $help = New-Item -ItemType Directory -Force (Join-Path $moduleDir 'en-US')
        & $converter -DocsPath $docs -OutputPath $help
    }
}

# A child pwsh like this one: under `dotnet pwsh` the process is dotnet, and pwsh.dll sits in $PSHOME.
function Invoke-Pwsh {
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { & $exe (Join-Path $PSHOME 'pwsh.dll') @args }
    else { & $exe @args }
}

function Get-PesterModulePath {
    Invoke-Native 'restore Pester' { dotnet restore (Join-Path $root 'tools/Pester.Restore.csproj') --nologo -v quiet }
    $packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Get-ChildItem (Join-Path $packages.Trim() 'pester') -Filter Pester.psd1 -Recurse |
        Sort-Object FullName -Descending | Select-Object -First 1
    if (-not $manifest) { throw 'Pester was not found in the NuGet packages folder after restore.' }
    $manifest.FullName
}

function Invoke-Test {
    Invoke-Build
    New-Package   # Install.Tests.ps1 installs it
    Remove-Item $results -Recurse -Force -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force $results | Out-Null
    $failed = $false

    foreach ($project in Get-ChildItem (Join-Path $root 'tests') -Filter *.csproj -Recurse) {
        $trx = "$($project.BaseName).trx"
        dotnet test $project.FullName -c $Configuration --nologo --logger "trx;LogFileName=$trx" --results-directory $results
        if ($LASTEXITCODE -ne 0) { $failed = $true }
    }

    Install-ContractPackage
    Invoke-PesterSuite
    if ($LASTEXITCODE -ne 0) { $failed = $true }
    if ($failed) { throw 'Some tests failed (see above; results in out/test-results/).' }
}

# Pester runs in a fresh pwsh, so the module under test is loaded exactly as a user loads it:
# out/Composio/<version>, or with -Installed the package installed into out/installed/Modules.
# With -TestHost, the module host is that PowerShell; when it is not this pwsh, only the tests
# tagged 'Host' run (they start the module in the host). $LASTEXITCODE is 0 when every test
# passed; the output is not captured, so Pester's report streams as it runs.
function Invoke-PesterSuite {
    $pester = Get-PesterModulePath
    $environment = @{}
    if ($Installed) {
        $modules = Join-Path $out 'installed/Modules'
        Remove-Item (Split-Path $modules) -Recurse -Force -ErrorAction SilentlyContinue
        $environment.COMPOSIO_TEST_MODULE = (& (Join-Path $root 'tools/Install-ModulePackage.ps1') -Package $package -ModulesPath $modules).FullName
        Write-Host "Installed $package as $($environment.COMPOSIO_TEST_MODULE)"
    }
    $tag = ''
    if ($TestHost) {
        $hostExe = (Get-Command $TestHost -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
        $environment.COMPOSIO_TEST_HOST = $hostExe
        $hostVersion = & $hostExe -NoProfile -NonInteractive -Command '$PSVersionTable.PSEdition + " " + $PSVersionTable.PSVersion'
        Write-Host "Module host: $hostExe ($hostVersion); Pester runs in PowerShell $($PSVersionTable.PSVersion)"
        if ("$hostVersion" -ne "$($PSVersionTable.PSEdition) $($PSVersionTable.PSVersion)") { $tag = 'Host' }
    }
    $script = {
        param($PesterPath, $TestPath, $ResultFile, $Filter, $Tag)
        Import-Module $PesterPath -Force
        $config = New-PesterConfiguration
        $config.Run.Path = @(Get-ChildItem $TestPath -Filter "$Filter.Tests.ps1" | ForEach-Object FullName)
        $config.Run.Exit = $true
        if ($Tag) { $config.Filter.Tag = $Tag }
        $config.Output.Verbosity = 'Normal'
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputFormat = 'NUnitXml'
        $config.TestResult.OutputPath = $ResultFile
        Invoke-Pester -Configuration $config
    }
    $saved = @{}
    foreach ($name in $environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $environment[$name])
    }
    try {
        Invoke-Pwsh -NoProfile -NonInteractive -Command $script -args $pester, (Join-Path $root 'tests/pester'), (Join-Path $results 'pester.xml'), $PesterFilter, $tag
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

# The contract test's npm packages (the published spec's generated types, the newest SDK, the
# TypeScript compiler), installed from the committed lock into out/contract/, and again only when
# the lock changes. Its scripts are copied beside them, where their imports resolve.
function Install-ContractPackage {
    $source = Join-Path $root 'tests/contract'
    $target = New-Item -ItemType Directory -Force (Join-Path $out 'contract')
    Copy-Item (Join-Path $source '*') $target -Force
    $stamp = Join-Path $target 'node_modules/.lock-hash'
    $hash = (Get-FileHash (Join-Path $source 'package-lock.json')).Hash
    if ((Test-Path $stamp) -and (Get-Content $stamp) -eq $hash) { return }
    Push-Location $target
    try { Invoke-Native 'npm ci (contract test)' { npm ci --no-audit --no-fund --loglevel=error } }
    finally { Pop-Location }
    Set-Content $stamp $hash
}

# Packs out/Composio/<version> as it is (no rebuild) into out/Composio.<version>.nupkg.
function New-Package {
    Remove-Item $package -ErrorAction SilentlyContinue
    & (Join-Path $root 'tools/New-ModulePackage.ps1') -ModulePath $moduleDir -OutputPath $out | Out-Null
    Write-Host "Packed $package"
}

function Invoke-Package {
    Invoke-Build
    New-Package
}

# Publishes the tested nupkg itself (-NupkgPath), not a fresh pack of the folder.
function Invoke-Publish {
    if (-not $Repository) { throw 'Publish needs -Repository: the name of a registered PSResourceGet repository.' }
    $target = Get-PSResourceRepository -Name $Repository -ErrorAction SilentlyContinue
    if (-not $target) { throw "No PSResourceGet repository named '$Repository' is registered (Get-PSResourceRepository)." }
    if (-not $PSCmdlet.ShouldProcess("$($target.Name) ($($target.Uri))", "Publish Composio $version")) { return }
    # Answered once: the build's own file operations must not ask again.
    $WhatIfPreference = $false
    $ConfirmPreference = 'High'
    Invoke-Package
    $publish = @{ NupkgPath = $package; Repository = $Repository }
    if ($ApiKey) { $publish.ApiKey = [Net.NetworkCredential]::new('', $ApiKey).Password }
    Publish-PSResource @publish -Confirm:$false
    Write-Host "Published Composio $version to $Repository."
}

function Invoke-Demo {
    Invoke-Build
    Invoke-Pwsh -NoProfile -NonInteractive -File (Join-Path $root 'demo/SeedExamples.ps1') -ModulePath (Join-Path $moduleDir 'Composio.psd1')
    if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
}

function Invoke-Bench {
    Invoke-Build
    Invoke-Pwsh -NoProfile -NonInteractive -File (Join-Path $root 'bench/Run-Benchmarks.ps1') -ModulePath (Join-Path $moduleDir 'Composio.psd1')
    if ($LASTEXITCODE -ne 0) { throw "The benchmarks failed (exit code $LASTEXITCODE)." }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Publish' { Invoke-Publish }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Clean' { Remove-Item $out -Recurse -Force -ErrorAction SilentlyContinue }
}
