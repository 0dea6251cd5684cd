. (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')

Describe 'Enable-ComposioAuthConfig and Disable-ComposioAuthConfig' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $one = New-ManagedConfig $emulator github 'gh one'
        $two = New-ManagedConfig $emulator github 'gh two'
        $other = New-CustomConfig $emulator notion 'notion one'
        Clear-ComposioEmulatorRequest $emulator
    }

    It 'disables: gone from -Status Enabled, shown by the default listing with its state' {
        Disable-ComposioAuthConfig -Id $one
        $request = Get-ApiRequest $emulator
        $request.method | Should -Be 'PATCH'
        $request.path | Should -Be "/api/v3.1/auth_configs/$one/DISABLED"
        $request.body_text | Should -BeNullOrEmpty
        (Get-ComposioAuthConfig -Status Enabled).Id | Should -Not -Contain $one
        $all = Get-ComposioAuthConfig
        ($all | Where-Object Id -eq $one).Status | Should -Be 'DISABLED'
        ($all | Where-Object Id -eq $one).IsEnabled | Should -BeFalse
    }

    It 're-enables a disabled config' {
        Disable-ComposioAuthConfig $one
        Enable-ComposioAuthConfig $one
        ((Get-ApiRequest $emulator) | Select-Object -Last 1).path | Should -Be "/api/v3.1/auth_configs/$one/ENABLED"
        (Get-ComposioAuthConfig -Status Enabled).Id | Should -Contain $one
    }

    It 'takes configs from the pipeline: disable a toolkit, re-enable what is disabled' {
        Get-ComposioAuthConfig -Toolkit github | Disable-ComposioAuthConfig
        (Get-ComposioAuthConfig -Status Enabled).Id | Should -Be @($other)
        Get-ComposioAuthConfig -Status Disabled | Enable-ComposioAuthConfig
        @(Get-ComposioAuthConfig -Status Enabled).Count | Should -Be 3
    }

    It 'takes plain ids from the pipeline' {
        $one, $two | Disable-ComposioAuthConfig
        (Get-ComposioAuthConfig -Status Enabled).Id | Should -Be @($other)
    }

    It '-PassThru outputs the config after the change' {
        $out = Disable-ComposioAuthConfig -Id $one -PassThru
        $out.Id | Should -Be $one
        $out.Status | Should -Be 'DISABLED'
        (Enable-ComposioAuthConfig -Id $one -PassThru).Status | Should -Be 'ENABLED'
    }

    It 'writes nothing without -PassThru' {
        Disable-ComposioAuthConfig -Id $one | Should -BeNullOrEmpty
    }

    It '-WhatIf sends nothing' {
        Get-ComposioAuthConfig | Disable-ComposioAuthConfig -WhatIf
        Enable-ComposioAuthConfig -Id $one -WhatIf
        @(Get-ApiRequest $emulator).Count | Should -Be 1   # the listing only
        @(Get-ComposioAuthConfig).Count | Should -Be 3
    }

    It 'goes on past an unknown id with a non-terminating ObjectNotFound' {
        $one, 'ac_doesnotexist1', $two | Disable-ComposioAuthConfig -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ComposioNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'ac_doesnotexist1'
        (Get-ComposioAuthConfig -Status Enabled).Id | Should -Be @($other)
    }

    It 'refuses a malformed id without sending it' {
        Disable-ComposioAuthConfig -Id '../toolkits/github' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAuthConfigId,*'
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }
}
