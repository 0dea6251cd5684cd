<#
.SYNOPSIS
    Installs a module's nupkg into a modules folder the way users install from a repository.
.DESCRIPTION
    Registers the nupkg's folder as a PSResourceGet repository and installs the module from it
    with Save-PSResource into -ModulesPath (<ModulesPath>/<Name>/<Version>/), which a test host
    then finds on its PSModulePath: the same extraction Install-PSResource does, into a folder
    any PowerShell edition can use (Windows PowerShell 5.1's CurrentUser folder is not pwsh's).

    Like New-ModulePackage.ps1, it runs in a child pwsh with its own PSResourceGet settings
    folder, so your repository registrations are left as they are (on Windows the repository
    gets a unique name and is unregistered in any case).
.EXAMPLE
    ./tools/Install-ModulePackage.ps1 -Package out/Composio.0.1.0.nupkg -ModulesPath out/installed/Modules
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Package,
    [Parameter(Mandatory)] [string] $ModulesPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Package = (Resolve-Path $Package).Path
if ((Split-Path $Package -Leaf) -notmatch '^(?<name>.+?)\.(?<version>\d+\.\d+\.\d+.*)\.nupkg$') { throw "'$Package' is not named <Name>.<Version>.nupkg." }
$name, $version = $Matches.name, $Matches.version
$ModulesPath = (New-Item -ItemType Directory -Force $ModulesPath).FullName
$work = New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) "module-install-$([guid]::NewGuid().ToString('N'))")
$repository = New-Item -ItemType Directory (Join-Path $work 'repository')
Copy-Item $Package $repository
$savedDataHome = $env:XDG_DATA_HOME
try {
    $env:XDG_DATA_HOME = (New-Item -ItemType Directory (Join-Path $work 'data')).FullName
    $install = {
        param($Repository, $RepositoryName, $Name, $Version, $ModulesPath)
        $ErrorActionPreference = 'Stop'
        Register-PSResourceRepository -Name $RepositoryName -Uri $Repository -Trusted
        try { Save-PSResource -Name $Name -Version $Version -Repository $RepositoryName -Path $ModulesPath -TrustRepository }
        finally { Unregister-PSResourceRepository -Name $RepositoryName }
    }
    # A child like the caller: under `dotnet pwsh` the process is dotnet, and pwsh.dll sits in $PSHOME.
    $exe = [Environment]::ProcessPath
    [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
    & $exe @prefix -NoProfile -NonInteractive -Command $install -args $repository.FullName, "ModuleInstall-$($work.Name)", $name, $version, $ModulesPath | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Installing '$Package' failed (exit code $LASTEXITCODE)." }
    $manifest = Join-Path $ModulesPath "$name/$version/$name.psd1"
    if (-not (Test-Path $manifest)) { throw "The install left no manifest at '$manifest'." }
    Get-Item $manifest
}
finally {
    $env:XDG_DATA_HOME = $savedDataHome
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
