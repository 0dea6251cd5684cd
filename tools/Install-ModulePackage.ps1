<#
.SYNOPSIS
    Installs a module's nupkg into a modules folder the way users install from a repository.
.DESCRIPTION
    Registers the nupkg's folder as a PSResourceGet repository and installs the module from it
    with Save-PSResource into -ModulesPath (<ModulesPath>/<Name>/<Version>/), which a test host
    then finds on its PSModulePath: the same extraction Install-PSResource does, into a folder
    any PowerShell edition can use (Windows PowerShell 5.1's CurrentUser folder is not pwsh's).

    Like New-ModulePackage.ps1, it runs in a child pwsh with its own PSResourceGet settings
    (TemporaryRepository.ps1), so your repository registrations are left as they are.
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
. (Join-Path $PSScriptRoot 'TemporaryRepository.ps1')
$repository = New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) "module-install-$([guid]::NewGuid().ToString('N'))")
try {
    Copy-Item $Package $repository
    Invoke-InTemporaryRepository -Folder $repository.FullName -Arguments $name, $version, $ModulesPath -Script {
        param($Repository, $Name, $Version, $ModulesPath)
        Save-PSResource -Name $Name -Version $Version -Repository $Repository -Path $ModulesPath -TrustRepository
    }
    $manifest = Join-Path $ModulesPath "$name/$version/$name.psd1"
    if (-not (Test-Path $manifest)) { throw "The install left no manifest at '$manifest'." }
    Get-Item $manifest
}
finally {
    Remove-Item $repository -Recurse -Force -ErrorAction SilentlyContinue
}
